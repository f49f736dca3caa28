#include <stdio.h>
#include "libgo.h"

int main(int argc, char **argv) {
	GoInt x = 12;
	GoInt y = 14;

	printf("About to call go function !");
	fflush(stdout);
	HelloGo();

	GoInt result = Multiply(x, y);

	printf("result : %d\n", (int)result);
	printf("It worked\n");
	return 0;
}
