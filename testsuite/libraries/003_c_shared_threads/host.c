#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libgo.h"

enum { THREADS = 8, CALLS = 100000 };

static long bad[THREADS];

static void *worker(void *arg) {
	int t = (int)(long)arg;
	char want[64];
	long long buf[16];
	for (int i = 0; i < CALLS; i++) {
		char *s = Label(t, i);
		snprintf(want, sizeof want, "t-%d-i-%d", t, i);
		if (strcmp(s, want) != 0) bad[t]++;
		free(s);
		int n = i % 16;
		long long sum = Squares(n, buf);
		long long check = 0;
		for (int k = 0; k < n; k++) {
			if (buf[k] != (long long)k * k) bad[t]++;
			check += buf[k];
		}
		if (check != sum) bad[t]++;
	}
	return 0;
}

int main(void) {
	pthread_t th[THREADS];
	for (long t = 0; t < THREADS; t++) pthread_create(&th[t], 0, worker, (void *)t);
	long total = 0;
	for (int t = 0; t < THREADS; t++) {
		pthread_join(th[t], 0);
		total += bad[t];
	}
	printf("%d threads x %d calls, %ld wrong results\n", THREADS, CALLS, total);
	return total != 0;
}
