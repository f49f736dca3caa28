#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void on_segv(int sig) {
	static const char msg[] = "host handler caught SIGSEGV\n";
	write(1, msg, sizeof msg - 1);
	_exit(0);
}

int main(void) {
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_segv;
	sigaction(SIGSEGV, &sa, 0);
	void *h = dlopen("./libgo.so", RTLD_NOW);
	if (!h) {
		printf("dlopen: %s\n", dlerror());
		return 1;
	}
	int (*twice)(int) = (int (*)(int))dlsym(h, "Twice");
	printf("Twice(21) = %d\n", twice(21));
	fflush(stdout);
	volatile int *p = 0;
	*p = 1;
	printf("not reached\n");
	return 1;
}
