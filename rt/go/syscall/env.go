package syscall

//rgo:extern rgo_getenv
func getenv(key string) (string, bool)

//rgo:extern rgo_environ
func environ() []string

//rgo:extern rgo_setenv
func setenv(key, value string)

//rgo:extern rgo_unsetenv
func unsetenv(key string)

//rgo:extern rgo_clearenv
func clearenv()

// Getenv retrieves the value of the environment variable named by key.
func Getenv(key string) (value string, found bool) {
	if len(key) == 0 {
		return "", false
	}
	return getenv(key)
}

// Setenv sets the value of the environment variable named by key.
func Setenv(key, value string) error {
	if len(key) == 0 {
		return EINVAL
	}
	for i := 0; i < len(key); i++ {
		if key[i] == '=' || key[i] == 0 {
			return EINVAL
		}
	}
	for i := 0; i < len(value); i++ {
		if value[i] == 0 {
			return EINVAL
		}
	}
	setenv(key, value)
	return nil
}

// Unsetenv unsets an environment variable.
func Unsetenv(key string) error {
	unsetenv(key)
	return nil
}

// Clearenv deletes all environment variables.
func Clearenv() {
	clearenv()
}

// Environ returns a copy of strings representing the environment, in the
// form "key=value".
func Environ() []string {
	return environ()
}
