package main

import (
	"context"
	"errors"
	"os"
	"syscall"
	"testing"
)

// TestOnSignals checks that the first signal cancels the run with the
// signal as the cause, and a second exits at once with its code.
func TestOnSignals(t *testing.T) {
	sigs := make(chan os.Signal, 2)
	ctx, cancel := context.WithCancelCause(context.Background())
	exited := make(chan int, 1)
	go onSignals(sigs, cancel, func(code int) { exited <- code })
	sigs <- os.Interrupt
	<-ctx.Done()
	if se, ok := errors.AsType[signalError](context.Cause(ctx)); !ok || se.exitCode() != 130 || se.String() != "SIGINT" {
		t.Errorf("cause %v, want SIGINT with exit code 130", context.Cause(ctx))
	}
	select {
	case code := <-exited:
		t.Fatalf("exit %d after one signal", code)
	default:
	}
	sigs <- syscall.SIGTERM
	if code := <-exited; code != 143 {
		t.Errorf("second signal: exit %d, want 143", code)
	}
}

// TestRunStoppedBySignal checks that a command stopped by a signal exits
// with 128 plus its number and says so.
func TestRunStoppedBySignal(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(signalError{syscall.SIGHUP})
	code, stderr := runUntil(t, ctx, blockingStdin{make(chan struct{})}, "extract", "-")
	if code != 129 || stderr != "winnow extract: stopped by SIGHUP\n" {
		t.Errorf("exit %d, stderr %q; want 129 and the signal named", code, stderr)
	}
}

// TestCaughtKeepsIgnored checks that a signal the program was started
// ignoring (SIGHUP under nohup) is not caught, which would undo nohup.
func TestCaughtKeepsIgnored(t *testing.T) {
	got := caught(func(s os.Signal) bool { return s == syscall.SIGHUP })
	if len(got) != 2 || got[0] != os.Interrupt || got[1] != syscall.SIGTERM {
		t.Errorf("caught %v, want SIGINT and SIGTERM", got)
	}
}
