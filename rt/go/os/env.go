package os

import "syscall"

// Getenv retrieves the value of the environment variable named by the key.
// It returns the value, which will be empty if the variable is not present.
func Getenv(key string) string {
	v, _ := syscall.Getenv(key)
	return v
}

// LookupEnv retrieves the value of the environment variable named by the
// key and reports whether it is present.
func LookupEnv(key string) (string, bool) {
	return syscall.Getenv(key)
}

// Setenv sets the value of the environment variable named by the key.
func Setenv(key, value string) error {
	if err := syscall.Setenv(key, value); err != nil {
		return NewSyscallError("setenv", err)
	}
	return nil
}

// Unsetenv unsets a single environment variable.
func Unsetenv(key string) error {
	return syscall.Unsetenv(key)
}

// Clearenv deletes all environment variables.
func Clearenv() {
	syscall.Clearenv()
}

// Environ returns a copy of strings representing the environment, in the
// form "key=value".
func Environ() []string {
	return syscall.Environ()
}

// Expand replaces ${var} or $var in the string based on the mapping
// function.
func Expand(s string, mapping func(string) string) string {
	var out []byte
	done := 0 // s[:done] has been copied to out
	for j := 0; j+1 < len(s); j++ {
		if s[j] != '$' {
			continue
		}
		if out == nil {
			out = make([]byte, 0, 2*len(s))
		}
		out = append(out, s[done:j]...)
		name, w := shellName(s[j+1:])
		switch {
		case name != "":
			out = append(out, mapping(name)...)
		case w == 0:
			// A dollar sign not followed by a name stays.
			out = append(out, '$')
		}
		// (A malformed ${...} is dropped.)
		j += w
		done = j + 1
	}
	if out == nil {
		return s
	}
	return string(out) + s[done:]
}

// ExpandEnv replaces ${var} or $var in the string according to the values
// of the current environment variables. References to undefined variables
// are replaced by the empty string.
func ExpandEnv(s string) string {
	return Expand(s, Getenv)
}

// isShellSpecialVar reports whether c names a special shell variable, as
// in $* or $1.
func isShellSpecialVar(c uint8) bool {
	switch c {
	case '*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

func isAlphaNum(c uint8) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// shellName returns the variable name at the start of s (what follows a
// dollar sign) and how many bytes it takes up: a special variable, a name
// in braces, or a run of letters, digits and underscores. A malformed
// braced name gives "" with a positive width.
func shellName(s string) (name string, width int) {
	if s[0] == '{' {
		if len(s) > 2 && isShellSpecialVar(s[1]) && s[2] == '}' {
			return s[1:2], 3
		}
		for i := 1; i < len(s); i++ {
			if s[i] == '}' {
				if i == 1 {
					return "", 2 // "${}"
				}
				return s[1:i], i + 1
			}
		}
		return "", 1 // "${" without its brace
	}
	if isShellSpecialVar(s[0]) {
		return s[:1], 1
	}
	n := 0
	for n < len(s) && isAlphaNum(s[n]) {
		n++
	}
	return s[:n], n
}
