#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
	void *h = dlopen("./libgo.so", RTLD_NOW);
	if (!h) {
		printf("dlopen: %s\n", dlerror());
		return 1;
	}
	char *(*greeting)(void) = (char *(*)(void))dlsym(h, "Greeting");
	int (*add3)(int, int, int) = (int (*)(int, int, int))dlsym(h, "Add3");
	if (!greeting || !add3) {
		printf("dlsym failed\n");
		return 1;
	}
	char *s = greeting();
	fflush(stdout);
	printf("C got: %s\n", s);
	free(s);
	printf("Add3: %d\n", add3(1, 2, 39));
	printf("runtime symbol visible: %s\n", dlsym(h, "rgo_gc") || dlsym(h, "runtime.GC") ? "yes" : "no");
	return 0;
}
