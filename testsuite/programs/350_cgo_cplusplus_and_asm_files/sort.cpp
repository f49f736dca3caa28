#include <algorithm>
#include <numeric>
#include <vector>

extern "C" int cpp_sum_sorted(int *xs, int n, int *out_max) {
	std::vector<int> v(xs, xs + n);
	std::sort(v.begin(), v.end());
	std::copy(v.begin(), v.end(), xs);
	*out_max = v.back();
	return std::accumulate(v.begin(), v.end(), 0) * SCALE;
}
