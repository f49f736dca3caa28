package runtime

// The types of the runtime errors a recovered panic carries (gc's names).
// The native runtime builds their values; it learns their descriptors from
// init below.

// An errorString is a runtime error's message (after "runtime error: ").
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string { return "runtime error: " + string(e) }

// A plainError is a runtime error without the "runtime error: " prefix.
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string { return string(e) }

// A boundsError is an index or slice bounds failure.
type boundsError struct {
	msg string
}

func (e boundsError) RuntimeError() {}

func (e boundsError) Error() string { return e.msg }

// A PanicNilError is what panic(nil) raises (unless GODEBUG=panicnil=1).
type PanicNilError struct {
	_ [0]*PanicNilError
}

func (*PanicNilError) Error() string { return "runtime error: panic called with nil argument" }

func (*PanicNilError) RuntimeError() {}

//rgo:extern rgo_register_runtime_errors
func registerRuntimeErrors(es, pe, be, ta, pn any)

func init() {
	registerRuntimeErrors(errorString(""), plainError(""), boundsError{}, (*TypeAssertionError)(nil), (*PanicNilError)(nil))
}
