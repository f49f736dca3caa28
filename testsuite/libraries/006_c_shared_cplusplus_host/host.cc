#include <cstdio>
#include <cstring>
#include "libgo.h"

int main() {
	const char *text = "hello from c++";
	GoString s = {text, (ptrdiff_t)std::strlen(text)};
	std::printf("Shout: %lld\n", (long long)Shout(s));
	struct Pair_return r = Pair(7);
	std::printf("Pair: %lld %.1f\n", (long long)r.r0, r.r1);
	return 0;
}
