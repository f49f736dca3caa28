#include <stdio.h>
#include <string.h>
#include "libgo.h"

int main(void) {
	struct DivMod_return r = DivMod(47, 5);
	printf("DivMod: %lld %lld\n", (long long)r.r0, (long long)r.r1);
	int xs[6] = {5, 3, 9, 1, 7, 2};
	GoSlice s = {xs, 6, 6};
	SortInts(s);
	for (int i = 0; i < 6; i++) printf("%d ", xs[i]);
	printf("\n");
	const char *text = "the quick brown fox jumps over the lazy dog";
	GoString g = {text, (ptrdiff_t)strlen(text)};
	printf("vowels: %lld\n", (long long)CountVowels(g));
	printf("sum: %lld\n", (long long)ParallelSum(1000000));
	return 0;
}
