// SQLite through pkg-config: create a table, insert rows with bound
// parameters, query them back.
package main

/*
#cgo pkg-config: sqlite3
#include <sqlite3.h>
#include <stdlib.h>
static int bind_text(sqlite3_stmt *s, int i, const char *p, int n) {
	return sqlite3_bind_text(s, i, p, n, SQLITE_TRANSIENT);
}
*/
import "C"
import (
	"fmt"
	"unsafe"
)

func check(db *C.sqlite3, rc C.int, what string) {
	if rc != C.SQLITE_OK && rc != C.SQLITE_DONE && rc != C.SQLITE_ROW {
		panic(what + ": " + C.GoString(C.sqlite3_errmsg(db)))
	}
}

func exec(db *C.sqlite3, sql string) {
	cs := C.CString(sql)
	defer C.free(unsafe.Pointer(cs))
	check(db, C.sqlite3_exec(db, cs, nil, nil, nil), sql)
}

func main() {
	var db *C.sqlite3
	name := C.CString(":memory:")
	defer C.free(unsafe.Pointer(name))
	check(db, C.sqlite3_open(name, &db), "open")
	defer C.sqlite3_close(db)

	exec(db, "CREATE TABLE fruit (name TEXT, qty INTEGER, price REAL)")
	ins := C.CString("INSERT INTO fruit VALUES (?, ?, ?)")
	defer C.free(unsafe.Pointer(ins))
	var st *C.sqlite3_stmt
	check(db, C.sqlite3_prepare_v2(db, ins, -1, &st, nil), "prepare")
	rows := []struct {
		name  string
		qty   int
		price float64
	}{{"apple", 3, 0.5}, {"pear", 7, 0.75}, {"fig", 12, 1.25}}
	for _, r := range rows {
		cn := C.CString(r.name)
		check(db, C.bind_text(st, 1, cn, C.int(len(r.name))), "bind")
		C.free(unsafe.Pointer(cn))
		check(db, C.sqlite3_bind_int64(st, 2, C.sqlite3_int64(r.qty)), "bind")
		check(db, C.sqlite3_bind_double(st, 3, C.double(r.price)), "bind")
		check(db, C.sqlite3_step(st), "step")
		C.sqlite3_reset(st)
	}
	C.sqlite3_finalize(st)

	q := C.CString("SELECT name, qty, qty * price FROM fruit WHERE qty > ? ORDER BY qty DESC")
	defer C.free(unsafe.Pointer(q))
	check(db, C.sqlite3_prepare_v2(db, q, -1, &st, nil), "prepare")
	C.sqlite3_bind_int(st, 1, 4)
	for C.sqlite3_step(st) == C.SQLITE_ROW {
		n := C.GoString((*C.char)(unsafe.Pointer(C.sqlite3_column_text(st, 0))))
		fmt.Println(n, C.sqlite3_column_int(st, 1), float64(C.sqlite3_column_double(st, 2)))
	}
	C.sqlite3_finalize(st)
	fmt.Println("changes:", C.sqlite3_total_changes(db))
}
