//! gc's size classes (the table of `internal/runtime/gc/sizeclasses.go`,
//! go1.27): object sizes and span lengths, and `roundupsize`, which
//! `append` and `[]byte(s)` use to turn spare room in the size class into
//! capacity — so `cap()` prints the same as under gc.

pub const PAGE_SHIFT: usize = 13;
pub const PAGE_SIZE: usize = 1 << PAGE_SHIFT;
/// Largest small object; larger ones get spans of their own.
pub const MAX_SMALL_SIZE: usize = 32768;
pub const NUM_SIZE_CLASSES: usize = 68;
/// Scannable objects above this size carry an 8-byte header (gc stores the
/// type there; so do we), which counts against their size class.
pub const MIN_SIZE_FOR_MALLOC_HEADER: usize = 512;
pub const MALLOC_HEADER_SIZE: usize = 8;

pub const CLASS_TO_SIZE: [u16; NUM_SIZE_CLASSES] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
    352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
    2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

pub const CLASS_TO_NPAGES: [u8; NUM_SIZE_CLASSES] = [
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8,
    3, 10, 7, 4,
];

/// Size class for sizes up to 1024, indexed by `(size + 7) / 8`.
static SIZE_TO_CLASS8: [u8; 129] = build_class8();
/// Size class for sizes 1025..=32768, indexed by `(size - 1024 + 127) / 128`.
static SIZE_TO_CLASS128: [u8; 249] = build_class128();

const fn smallest_class(size: usize) -> u8 {
    let mut c = 1;
    while c < NUM_SIZE_CLASSES {
        if CLASS_TO_SIZE[c] as usize >= size {
            return c as u8;
        }
        c += 1;
    }
    0
}

const fn build_class8() -> [u8; 129] {
    let mut t = [0u8; 129];
    let mut i = 0;
    while i < 129 {
        t[i] = smallest_class(i * 8);
        i += 1;
    }
    t
}

const fn build_class128() -> [u8; 249] {
    let mut t = [0u8; 249];
    let mut i = 0;
    while i < 249 {
        t[i] = smallest_class(1024 + i * 128);
        i += 1;
    }
    t
}

/// The size class of a small request (`1..=MAX_SMALL_SIZE` bytes).
#[inline]
pub fn size_class(size: usize) -> usize {
    if size <= 1024 {
        SIZE_TO_CLASS8[size.div_ceil(8)] as usize
    } else {
        SIZE_TO_CLASS128[(size - 1024).div_ceil(128)] as usize
    }
}

/// Whether an object of `size` bytes with pointers gets a malloc header.
#[inline]
pub fn has_header(size: usize, noscan: bool) -> bool {
    !noscan && size > MIN_SIZE_FOR_MALLOC_HEADER && size <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE
}

/// The usable size an allocation of `size` bytes actually gets (gc's
/// `roundupsize`): the size class minus any header, or whole pages for
/// large objects.
pub fn roundupsize(size: usize, noscan: bool) -> usize {
    if size <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE {
        let hdr = if has_header(size, noscan) {
            MALLOC_HEADER_SIZE
        } else {
            0
        };
        let req = size + hdr;
        return CLASS_TO_SIZE[size_class(req)] as usize - hdr;
    }
    match size.checked_add(PAGE_SIZE - 1) {
        Some(s) => s & !(PAGE_SIZE - 1),
        None => size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_round_up() {
        assert_eq!(size_class(1), 1);
        assert_eq!(size_class(8), 1);
        assert_eq!(size_class(9), 2);
        assert_eq!(size_class(1024), 32);
        assert_eq!(size_class(1025), 33);
        assert_eq!(size_class(32768), 67);
        for s in 1..=MAX_SMALL_SIZE {
            let c = size_class(s);
            assert!(CLASS_TO_SIZE[c] as usize >= s);
            assert!((CLASS_TO_SIZE[c - 1] as usize) < s || c == 1);
        }
    }

    #[test]
    fn roundupsize_as_gc() {
        assert_eq!(roundupsize(5, true), 8);
        assert_eq!(roundupsize(40, true), 48);
        // 128 pointers: 1024 bytes + header → class 1152, minus the header.
        assert_eq!(roundupsize(1024, false), 1144);
        assert_eq!(roundupsize(1024, true), 1024);
        assert_eq!(roundupsize(40000, true), 40960);
    }
}
