#include <stdio.h>
#include <string.h>
#include "_cgo_export.h"

long long use_divmod(long long a, long long b) {
	struct divmod_return r = divmod(a, b);
	return r.r0 * 1000 + r.r1;
}

long long sum_slice_via_go(void) {
	GoInt xs[5] = {1, 2, 3, 4, 5};
	GoSlice s = {xs, 5, 5};
	return sumInts(s);
}

void show_name(void) {
	GoString in = {"item", 4};
	struct describe_return r = describe(7, in);
	printf("%.*s %d\n", (int)r.r0.n, r.r0.p, (int)r.r1);
	r = describe(8, in);
	printf("%.*s %d\n", (int)r.r0.n, r.r0.p, (int)r.r1);
	fflush(stdout);
}
