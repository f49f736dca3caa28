// Package godebug makes the settings in the $GODEBUG environment variable
// available to other packages (rgo overlay: the setting values of the
// standard package, read once from the environment; non-default
// behaviour is not counted).
package godebug

import "sync"

//rgo:extern rgo_getenv
func getenv(key string) (string, bool)

// A Setting is a single setting in the $GODEBUG environment variable.
type Setting struct {
	name  string
	once  sync.Once
	value string
}

// New returns a new Setting for the $GODEBUG setting with the given name.
// GODEBUGs marked undocumented have a name starting with '#'.
func New(name string) *Setting {
	return &Setting{name: name}
}

// Name returns the name of the setting.
func (s *Setting) Name() string {
	if s.name != "" && s.name[0] == '#' {
		return s.name[1:]
	}
	return s.name
}

// Undocumented reports whether this is an undocumented setting.
func (s *Setting) Undocumented() bool {
	return s.name != "" && s.name[0] == '#'
}

// String returns a printable form for the setting: name=value.
func (s *Setting) String() string {
	return s.Name() + "=" + s.Value()
}

// IncNonDefault increments the non-default behavior counter associated
// with the given setting (not counted here).
func (s *Setting) IncNonDefault() {}

// Value returns the current value for the GODEBUG setting s: the last
// name=value for it in $GODEBUG, without a "#pattern" suffix, or "" (the
// default).
func (s *Setting) Value() string {
	s.once.Do(func() {
		env, _ := getenv("GODEBUG")
		name := s.Name()
		end := len(env)
		eq := -1
		// Scan backwards: the last setting of a name wins.
		for i := end - 1; i >= -1; i-- {
			if i == -1 || env[i] == ',' {
				if eq >= 0 && env[i+1:eq] == name {
					v := env[eq+1 : end]
					for j := 0; j < len(v); j++ {
						if v[j] == '#' {
							v = v[:j]
							break
						}
					}
					s.value = v
					return
				}
				eq = -1
				end = i
			} else if env[i] == '=' {
				eq = i
			}
		}
	})
	return s.value
}
