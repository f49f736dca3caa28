#include <dlfcn.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
	for (int round = 0; round < 3; round++) {
		void *h = dlopen("./libgo.so", RTLD_NOW);
		if (!h) {
			printf("dlopen: %s\n", dlerror());
			return 1;
		}
		long long (*count)(void) = (long long (*)(void))dlsym(h, "Count");
		printf("round %d: %lld %lld\n", round, count(), count());
		fflush(stdout);
		if (dlclose(h) != 0) {
			printf("dlclose: %s\n", dlerror());
			return 1;
		}
		usleep(20000);
	}
	printf("done\n");
	return 0;
}
