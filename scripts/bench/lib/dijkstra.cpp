// The C++ reference of `npm run bench -- analysis`: a textbook multi-source Dijkstra with a binary
// heap (std::priority_queue, lazy deletion), compiled by the bench with g++ -O3 -march=native.
// It keeps per node only its distance (double) and per queued entry a (double, uint32) pair.
//
// usage: dijkstra GRAPH OUT
//   GRAPH: little-endian u32 nodeCount, u32 arcCount, u32 sourceCount, then u32 offsets[nodeCount + 1],
//          u32 targets[arcCount], f64 weights[arcCount] (seconds), u32 sources[sourceCount]
//   OUT:   f64 dist[nodeCount] is written there (infinity where unreachable)
// Prints one line: {"ms": <milliseconds of the timed run>}. One untimed run first (warm caches,
// allocator), then the timed one: distance array allocation, queue and search.
#include <chrono>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <limits>
#include <queue>
#include <utility>
#include <vector>

template <typename T> static bool readAll(FILE* f, std::vector<T>& v) {
	return std::fread(v.data(), sizeof(T), v.size(), f) == v.size();
}

int main(int argc, char** argv) {
	if (argc != 3) {
		std::fprintf(stderr, "usage: dijkstra GRAPH OUT\n");
		return 2;
	}
	FILE* f = std::fopen(argv[1], "rb");
	if (!f) {
		std::fprintf(stderr, "dijkstra: cannot open %s\n", argv[1]);
		return 1;
	}
	uint32_t head[3];
	if (std::fread(head, sizeof(uint32_t), 3, f) != 3) return 1;
	const uint32_t n = head[0], m = head[1], s = head[2];
	std::vector<uint32_t> offsets(n + 1), targets(m), sources(s);
	std::vector<double> weights(m);
	if (!readAll(f, offsets) || !readAll(f, targets) || !readAll(f, weights) || !readAll(f, sources)) {
		std::fprintf(stderr, "dijkstra: %s is truncated\n", argv[1]);
		return 1;
	}
	std::fclose(f);

	const double inf = std::numeric_limits<double>::infinity();
	auto run = [&]() {
		std::vector<double> dist(n, inf);
		using Entry = std::pair<double, uint32_t>;
		std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> pq;
		for (uint32_t x : sources) {
			dist[x] = 0;
			pq.emplace(0.0, x);
		}
		while (!pq.empty()) {
			const auto [d, u] = pq.top();
			pq.pop();
			if (d > dist[u]) continue;
			const uint32_t end = offsets[u + 1];
			for (uint32_t a = offsets[u]; a < end; a++) {
				const uint32_t v = targets[a];
				const double nd = d + weights[a];
				if (nd < dist[v]) {
					dist[v] = nd;
					pq.emplace(nd, v);
				}
			}
		}
		return dist;
	};
	run();
	timespec c0, c1;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
	const auto t0 = std::chrono::steady_clock::now();
	std::vector<double> dist = run();
	const auto t1 = std::chrono::steady_clock::now();
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
	const double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
	const double cpuMs = (c1.tv_sec - c0.tv_sec) * 1e3 + (c1.tv_nsec - c0.tv_nsec) / 1e6;

	FILE* o = std::fopen(argv[2], "wb");
	if (!o || std::fwrite(dist.data(), sizeof(double), n, o) != n) {
		std::fprintf(stderr, "dijkstra: cannot write %s\n", argv[2]);
		return 1;
	}
	std::fclose(o);
	std::printf("{\"ms\": %.6f, \"cpuMs\": %.6f}\n", ms, cpuMs);
	return 0;
}
