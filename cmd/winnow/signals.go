package main

import (
	"context"
	"os"
	"syscall"
)

// stopSignals are the signals that stop a command: Ctrl-C, a closed
// terminal, and kill's default.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGHUP, syscall.SIGTERM}

// caught is the stop signals to catch: those the program was not started
// ignoring (nohup ignores SIGHUP, a shell script's background job SIGINT),
// since catching a signal undoes its being ignored.
func caught(ignored func(os.Signal) bool) []os.Signal {
	var sigs []os.Signal
	for _, s := range stopSignals {
		if !ignored(s) {
			sigs = append(sigs, s)
		}
	}
	return sigs
}

// signalError is the cause of a run's context cancelled by a signal.
type signalError struct{ sig os.Signal }

func (e signalError) Error() string { return "stopped by " + e.String() }

// String names the signal as kill does: SIGINT, SIGTERM.
func (e signalError) String() string {
	switch e.sig {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGHUP:
		return "SIGHUP"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return e.sig.String()
}

// exitCode is the shell's code for a process the signal ended: 128 plus
// the signal's number (130 for SIGINT).
func (e signalError) exitCode() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}

// onSignals cancels the run on the first signal from sigs, with the signal
// as the cause, so that the command stops, removes its temporary files and
// keeps or discards its output as it says; on a second signal it calls
// exit at once with the second signal's code, for a command that does not
// stop (a page or a pipe that hangs).
func onSignals(sigs <-chan os.Signal, cancel context.CancelCauseFunc, exit func(code int)) {
	cancel(signalError{<-sigs})
	exit(signalError{<-sigs}.exitCode())
}
