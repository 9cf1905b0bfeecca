/**
 * Progress display for long-running pipeline steps, on stderr so stdout stays clean for data.
 * Each step prints its number, name, what it produced, how long it took and the memory in use.
 */
import { performance } from 'node:perf_hooks';

/** Reports steps of a build; `silent` turns it off (tests). */
export class Progress {
	#start = performance.now();
	#stepStart = performance.now();
	#step = 0;
	#total: number;
	#silent: boolean;
	#prefix: string;

	constructor(total: number, { silent = false, prefix = 'build-area' } = {}) {
		this.#total = total;
		this.#silent = silent;
		this.#prefix = prefix;
	}

	/** Starts the next step. */
	step(name: string): void {
		this.#step++;
		this.#stepStart = performance.now();
		this.#write(`[${this.#prefix}] ${this.#step}/${this.#total} ${name} …`);
	}

	/**
	 * Ends the current step with a short summary of its output, its time, the JavaScript heap in use
	 * and the process's peak resident memory so far (MiB).
	 */
	done(summary: string): void {
		const s = ((performance.now() - this.#stepStart) / 1000).toFixed(2);
		const heap = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
		const peak = Math.round(process.resourceUsage().maxRSS / 1024);
		this.#write(
			`[${this.#prefix}]     ${summary} (${s} s; heap ${heap} MiB, peak RSS ${peak} MiB)`,
		);
	}

	/** A free-form line. */
	info(line: string): void {
		this.#write(`[${this.#prefix}] ${line}`);
	}

	/** Seconds since the build started. */
	elapsedS(): number {
		return (performance.now() - this.#start) / 1000;
	}

	#write(line: string): void {
		if (!this.#silent) process.stderr.write(`${line}\n`);
	}
}
