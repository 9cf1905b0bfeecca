/**
 * Progress display for long-running pipeline steps, on stderr so stdout stays clean for data.
 * Each step prints its number, name, what it produced and how long it took.
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

	/** Ends the current step with a short summary of its output. */
	done(summary: string): void {
		const s = ((performance.now() - this.#stepStart) / 1000).toFixed(2);
		this.#write(`[${this.#prefix}]     ${summary} (${s} s)`);
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
