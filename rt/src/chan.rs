//! Channels. Without goroutines there is no way to make one yet, so only
//! what a nil channel needs exists: `len` and `cap` of a channel value.

use crate::panic;

fn no_channels() -> ! {
    panic::fatal(b"channels are not supported yet")
}

/// `len(c)`.
#[no_mangle]
pub extern "C" fn rgo_chanlen(c: *mut u8) -> isize {
    if c.is_null() {
        return 0;
    }
    no_channels()
}

/// `cap(c)`.
#[no_mangle]
pub extern "C" fn rgo_chancap(c: *mut u8) -> isize {
    if c.is_null() {
        return 0;
    }
    no_channels()
}
