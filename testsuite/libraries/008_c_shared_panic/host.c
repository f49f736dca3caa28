#include <stdio.h>
#include "libgo.h"

int main(void) {
	printf("%lld\n", (long long)MustPositive(3));
	fflush(stdout);
	MustPositive(-1);
	printf("not reached\n");
	return 0;
}
