//! Strings, slices and maps.

mod support;

use frontend::ir::*;
use support::*;

const OPAQUE: &str = "int64_t opaque_int(int64_t x) { return x; }\n";

#[test]
fn strings() {
    let mut p = Prog::new();
    let int = p.int();
    let s = p.string();
    let boolt = p.bool();
    let rune = p.intk(IntKind::Int32);
    let u8t = p.intk(IntKind::Uint8);
    let bs = p.slice(u8t);
    let rt = p.tuple(&[rune, int]);
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let a = b.str(s, "héllo");
    let w = b.str(s, "world");
    let sp = b.str(s, ", ");
    let c = b.bin(s, BinOp::Concat, a, sp);
    let c = b.bin(s, BinOp::Concat, c, w);
    let n = b.v(int, InstrKind::Len(c));
    let e = b.str(s, "");
    let eq1 = b.bin(boolt, BinOp::Eq, a, a);
    let eq2 = b.bin(boolt, BinOp::Eq, a, w);
    let eq3 = b.bin(boolt, BinOp::Eq, e, e);
    let lt = b.bin(boolt, BinOp::Lt, a, w);
    let ge = b.bin(boolt, BinOp::Ge, a, w);
    b.println(&[c, n, eq1, eq2, eq3, lt, ge]);
    // Decode runes of "héllo" at 0, 1 and 3.
    for i in [0, 1, 3] {
        let iv = b.int(int, i);
        let t = b.v(
            rt,
            InstrKind::DecodeRune {
                string: a,
                index: iv,
            },
        );
        let r = b.v(rune, InstrKind::Extract { tuple: t, index: 0 });
        let nx = b.v(int, InstrKind::Extract { tuple: t, index: 1 });
        b.println(&[r, nx]);
    }
    // string(rune), []byte(s), string(bytes)
    let r = b.int(rune, 0x4e16);
    let rs = b.v(s, InstrKind::Convert(r));
    let by = b.v(bs, InstrKind::Convert(w));
    let bl = b.v(int, InstrKind::Len(by));
    let back = b.v(s, InstrKind::Convert(by));
    b.println(&[rs, bl, back]);
    // s[1:3] through a header.
    let dp = b.v(p.ptr(u8t), InstrKind::DataPtr(w));
    let one = b.int(int, 1);
    let p1 = b.v(
        p.ptr(u8t),
        InstrKind::IndexAddr {
            base: dp,
            index: one,
        },
    );
    let two = b.int(int, 2);
    let sub = b.v(s, InstrKind::MakeStringHeader { data: p1, len: two });
    b.println(&[sub]);
    b.ret(&[]);
    p.main(b, main);
    expect_output(
        &p.p,
        "strings",
        "héllo, world 13 true false true true false\n104 1\n233 3\n108 4\n世 5 world\nor\n",
    );
}

/// make, append (within capacity and growing), copy, bounds checks.
#[test]
fn slices() {
    let mut p = Prog::new();
    let int = p.int();
    let ints = p.slice(int);
    let pint = p.ptr(int);
    let oi = p.extern_fn("main.opaque", &[int], &[int], "opaque_int");
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let zero = b.int(int, 0);
    let two = b.int(int, 2);
    let s = b.v(
        ints,
        InstrKind::MakeSlice {
            len: zero,
            cap: two,
        },
    );
    let mut cur = s;
    for i in 1..=5 {
        let v = b.int(int, i * 10);
        cur = b.v(
            ints,
            InstrKind::Append {
                slice: cur,
                elems: vec![v],
            },
        );
    }
    let l = b.v(int, InstrKind::Len(cur));
    let c = b.v(int, InstrKind::Cap(cur));
    b.println(&[l, c]);
    // append(cur, cur...) and copy
    let twice = b.v(ints, InstrKind::AppendSlice { dst: cur, src: cur });
    let l2 = b.v(int, InstrKind::Len(twice));
    let dst = b.v(ints, InstrKind::MakeSlice { len: two, cap: two });
    let n = b.v(int, InstrKind::Copy { dst, src: twice });
    let dp = b.v(pint, InstrKind::DataPtr(twice));
    let mut outs = vec![l2, n];
    for i in [0, 4, 5, 9] {
        let iv = b.int(int, i);
        let ep = b.v(
            pint,
            InstrKind::IndexAddr {
                base: dp,
                index: iv,
            },
        );
        outs.push(b.v(int, InstrKind::Load(ep)));
    }
    let dd = b.v(pint, InstrKind::DataPtr(dst));
    let one = b.int(int, 1);
    let ep = b.v(
        pint,
        InstrKind::IndexAddr {
            base: dd,
            index: one,
        },
    );
    outs.push(b.v(int, InstrKind::Load(ep)));
    b.println(&outs);
    // twice[idx] with idx = 10: out of range.
    let k = b.int(int, 10);
    let idx = b.call(Some(int), oi, &[k]).unwrap();
    b.e(InstrKind::BoundsCheck {
        kind: BoundsKind::Index,
        x: idx,
        y: l2,
    });
    let ep = b.v(
        pint,
        InstrKind::IndexAddr {
            base: dp,
            index: idx,
        },
    );
    let v = b.v(int, InstrKind::Load(ep));
    b.println(&[v]);
    b.ret(&[]);
    p.main(b, main);
    expect_run(
        &p.p,
        "slices",
        OPAQUE,
        "5 8\n10 2 10 50 10 50 20\npanic: runtime error: index out of range [10] with length 10\n",
        2,
    );
}

/// A map[string]int and a map[int]Big (large values): store, index with
/// and without comma-ok, delete, len, iterate.
#[test]
fn maps() {
    let mut p = Prog::new();
    let int = p.int();
    let s = p.string();
    let boolt = p.bool();
    let m_t = p.map(s, int);
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    let fields: Vec<(&str, TypeId)> = names.iter().map(|n| (*n, int)).collect();
    let big = p.strukt(&fields);
    let mb_t = p.map(int, big);
    let okt = p.tuple(&[int, boolt]);
    let okb = p.tuple(&[big, boolt]);
    let it_t = p.uptr();
    let next_t = p.tuple(&[boolt, int, big]);
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let m = b.v(m_t, InstrKind::MakeMap { hint: None });
    let ka = b.str(s, "a");
    let kb = b.str(s, "b");
    let one = b.int(int, 1);
    let two = b.int(int, 2);
    b.e(InstrKind::MapStore {
        map: m,
        key: ka,
        value: one,
    });
    b.e(InstrKind::MapStore {
        map: m,
        key: kb,
        value: two,
    });
    let va = b.v(
        int,
        InstrKind::MapIndex {
            map: m,
            key: ka,
            comma_ok: false,
        },
    );
    let kz = b.str(s, "z");
    let tz = b.v(
        okt,
        InstrKind::MapIndex {
            map: m,
            key: kz,
            comma_ok: true,
        },
    );
    let vz = b.v(
        int,
        InstrKind::Extract {
            tuple: tz,
            index: 0,
        },
    );
    let okz = b.v(
        boolt,
        InstrKind::Extract {
            tuple: tz,
            index: 1,
        },
    );
    let tb = b.v(
        okt,
        InstrKind::MapIndex {
            map: m,
            key: kb,
            comma_ok: true,
        },
    );
    let vb = b.v(
        int,
        InstrKind::Extract {
            tuple: tb,
            index: 0,
        },
    );
    let okb_ = b.v(
        boolt,
        InstrKind::Extract {
            tuple: tb,
            index: 1,
        },
    );
    b.e(InstrKind::MapDelete { map: m, key: ka });
    let n = b.v(int, InstrKind::Len(m));
    b.println(&[va, vz, okz, vb, okb_, n]);

    // Large values.
    let mb = b.v(mb_t, InstrKind::MakeMap { hint: Some(two) });
    let l = b.local("v", big);
    let pb = b.v(p.ptr(big), InstrKind::LocalAddr(l));
    let f8 = b.v(p.ptr(int), InstrKind::FieldAddr { base: pb, index: 8 });
    let k7 = b.int(int, 7);
    b.e(InstrKind::Store {
        addr: f8,
        value: k7,
    });
    let bv = b.v(big, InstrKind::Load(pb));
    b.e(InstrKind::MapStore {
        map: mb,
        key: two,
        value: bv,
    });
    let t = b.v(
        okb,
        InstrKind::MapIndex {
            map: mb,
            key: two,
            comma_ok: true,
        },
    );
    let got = b.v(big, InstrKind::Extract { tuple: t, index: 0 });
    let ok = b.v(boolt, InstrKind::Extract { tuple: t, index: 1 });
    let g8 = b.v(
        int,
        InstrKind::Field {
            base: got,
            index: 8,
        },
    );
    let miss = b.v(
        big,
        InstrKind::MapIndex {
            map: mb,
            key: one,
            comma_ok: false,
        },
    );
    let m8 = b.v(
        int,
        InstrKind::Field {
            base: miss,
            index: 8,
        },
    );
    b.println(&[g8, ok, m8]);

    // for k, v := range mb
    let it = b.v(it_t, InstrKind::MapIterStart(mb));
    let head = b.block();
    let body = b.block();
    let done = b.block();
    b.jump(head);
    b.at(head);
    let nx = b.v(next_t, InstrKind::MapIterNext(it));
    let more = b.v(
        boolt,
        InstrKind::Extract {
            tuple: nx,
            index: 0,
        },
    );
    b.branch(more, body, done);
    b.at(body);
    let k = b.v(
        int,
        InstrKind::Extract {
            tuple: nx,
            index: 1,
        },
    );
    let v = b.v(
        big,
        InstrKind::Extract {
            tuple: nx,
            index: 2,
        },
    );
    let v8 = b.v(int, InstrKind::Field { base: v, index: 8 });
    b.println(&[k, v8]);
    b.jump(head);
    b.at(done);
    // A nil map reads as empty; writing panics.
    let nilm = b.v(m_t, InstrKind::Const(Const::Zero));
    let nv = b.v(
        int,
        InstrKind::MapIndex {
            map: nilm,
            key: ka,
            comma_ok: false,
        },
    );
    let nl = b.v(int, InstrKind::Len(nilm));
    b.println(&[nv, nl]);
    b.e(InstrKind::MapStore {
        map: nilm,
        key: ka,
        value: one,
    });
    b.ret(&[]);
    p.main(b, main);
    expect_run(
        &p.p,
        "maps",
        "",
        "1 0 false 2 true 1\n7 true 0\n2 7\n0 0\npanic: assignment to entry in nil map\n",
        2,
    );
}

/// `a + " " + b + "!"` is one concatenation; intermediate results used
/// elsewhere are still computed.
#[test]
fn concatenation_chains() {
    let mut p = Prog::new();
    let s = p.string();
    let int = p.int();
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let a = b.str(s, "go");
    let sp = b.str(s, " ");
    let c = b.str(s, "fast");
    let bang = b.str(s, "!");
    let e = b.str(s, "");
    let x1 = b.bin(s, BinOp::Concat, a, sp);
    let x2 = b.bin(s, BinOp::Concat, x1, c);
    let x3 = b.bin(s, BinOp::Concat, x2, bang);
    // y1 is used twice, so it is a value of its own.
    let y1 = b.bin(s, BinOp::Concat, c, e);
    let y2 = b.bin(s, BinOp::Concat, y1, y1);
    let n = b.v(int, InstrKind::Len(x3));
    b.println(&[x3, n, y1, y2]);
    b.ret(&[]);
    p.main(b, main);
    let want = "go fast! 8 fast fastfast\n";
    expect_run(&p.p, "concat", "", want, 0);
    if let Some(r) = run_rt(&p.p, 2, "concat") {
        assert_eq!(r.stderr, want);
    }
}

/// `(*[2]int)(s)` and `[2]int(s)`: the array shares or copies the slice's
/// elements; a slice that is too short panics.
#[test]
fn slice_to_array() {
    let mut p = Prog::new();
    let int = p.int();
    let ints = p.slice(int);
    let a2 = p.array(2, int);
    let pa2 = p.ptr(a2);
    let pint = p.ptr(int);
    let main = p.declare("main.main", &[], &[]);
    let mut b = p.body(main);
    let zero = b.int(int, 0);
    let s = b.v(
        ints,
        InstrKind::MakeSlice {
            len: zero,
            cap: zero,
        },
    );
    let x = b.int(int, 4);
    let y = b.int(int, 5);
    let s = b.v(
        ints,
        InstrKind::Append {
            slice: s,
            elems: vec![x, y, x],
        },
    );
    let ap = b.v(pa2, InstrKind::Convert(s));
    let one = b.int(int, 1);
    let e1 = b.v(
        pint,
        InstrKind::IndexAddr {
            base: ap,
            index: one,
        },
    );
    let v1 = b.v(int, InstrKind::Load(e1));
    let av = b.v(a2, InstrKind::Convert(s));
    let v0 = b.v(
        int,
        InstrKind::Element {
            base: av,
            index: zero,
        },
    );
    b.println(&[v1, v0]);
    let d = b.v(pint, InstrKind::DataPtr(s));
    let short = b.v(
        ints,
        InstrKind::MakeSliceHeader {
            data: d,
            len: one,
            cap: one,
        },
    );
    let _ = b.v(pa2, InstrKind::Convert(short));
    b.ret(&[]);
    p.main(b, main);
    expect_run(
        &p.p,
        "slice2array",
        "",
        "5 4\npanic: runtime error: cannot convert slice with length 1 to array or pointer to array with length 2\n",
        2,
    );
}
