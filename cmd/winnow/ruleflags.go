package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/winnow-dev/winnow"
)

// ruleFlags are the post-processing flags winnow extract and winnow eval
// share: -rules, and -no-smooth, its shorthand for -rules none.
type ruleFlags struct {
	list     string
	noSmooth bool
	rules    []winnow.Rule // the rules to run; set by check
}

func (r *ruleFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&r.list, "rules", "all", "post-processing rules run after the threshold: all, none, or some of "+strings.Join(winnow.RuleNames(), ",")+" (repeat: on product and forum pages, a block that repeats a kept block's text word for word is dropped)")
	fs.BoolVar(&r.noSmooth, "no-smooth", false, "run no post-processing rule (-rules none)")
}

// check reads -rules. An unknown rule, or -no-smooth with a -rules list,
// is a usage error.
func (r *ruleFlags) check() error {
	rules, err := winnow.ParseRules(r.list)
	if err != nil {
		return fmt.Errorf("%w: -rules: %v", errUsage, err)
	}
	if r.noSmooth {
		if r.list != "all" {
			return fmt.Errorf("%w: -no-smooth and -rules %s: give one of them", errUsage, r.list)
		}
		rules = nil
	}
	r.rules = rules
	return nil
}

// option is the extractor option for the rules; check must have run.
func (r *ruleFlags) option() winnow.Option { return winnow.WithRules(r.rules...) }
