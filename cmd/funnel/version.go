package main

import (
	"runtime/debug"
)

// Set at link time, e.g.
//
//	go build -ldflags "-X main.version=v1.2.0 -X main.commit=$(git rev-parse HEAD)" ./cmd/funnel
//
// Otherwise they come from the build information: the module version of
// `go install …@v1.2.0`, and the commit Go records when building in a
// git checkout (vcs.revision).
var (
	version string
	commit  string
)

func versionString() string {
	info, _ := debug.ReadBuildInfo()
	return formatVersion(version, commit, info)
}

// formatVersion is "v1.2.0 (commit 0123456789ab, 2026-11-25T10:00:00Z)",
// with "+dirty" when the checkout had changes; "devel" when nothing says.
func formatVersion(v, c string, info *debug.BuildInfo) string {
	var when string
	dirty := false
	if info != nil {
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if c == "" {
					c = s.Value
				}
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	if v == "" {
		v = "devel"
	}
	if c == "" {
		return v
	}
	if len(c) > 12 {
		c = c[:12]
	}
	if dirty {
		c += "+dirty"
	}
	if when != "" {
		c += ", " + when
	}
	return v + " (commit " + c + ")"
}
