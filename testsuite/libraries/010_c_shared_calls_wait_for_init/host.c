#include <pthread.h>
#include <stdio.h>
#include "libgo.h"

static long long got[4];

static void *worker(void *arg) {
	long i = (long)arg;
	got[i] = Lookup(i + 3);
	return 0;
}

int main(void) {
	pthread_t th[4];
	for (long i = 0; i < 4; i++) pthread_create(&th[i], 0, worker, (void *)i);
	long long mine = Lookup(9);
	for (int i = 0; i < 4; i++) pthread_join(th[i], 0);
	printf("%lld %lld %lld %lld %lld\n", mine, got[0], got[1], got[2], got[3]);
	return 0;
}
