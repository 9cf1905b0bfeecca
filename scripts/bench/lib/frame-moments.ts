/**
 * When a user sees a map change, for the Chromium benches that time one (bundled into their pages
 * by `bundleForPage`, as `BenchMoments` where a page has no module of its own).
 *
 * MapLibre's `render` and `idle` come when the page has sent a frame's drawing to the GPU process.
 * With software WebGL (the benches and the e2e here) drawing it takes tens of milliseconds more,
 * and a frame asked for meanwhile waits for it. So a timed step starts on a settled map and ends
 * when the GPU process has drawn the step's frame.
 */

/**
 * Resolves once what the page last drew is on the screen, as a user sees the map before they
 * click on it: animation frames come at the screen's pace again (two intervals in a row of at most
 * 20 ms; at most 120 frames).
 */
export function settled(): Promise<void> {
	return new Promise((resolve) => {
		let last = performance.now();
		let calm = 0;
		let frames = 0;
		const next = (now: number) => {
			calm = now - last <= 20 ? calm + 1 : 0;
			last = now;
			if (calm >= 2 || ++frames >= 120) resolve();
			else requestAnimationFrame(next);
		};
		requestAnimationFrame(next);
	});
}

/**
 * The moment the GPU process has drawn every command `canvas`'s WebGL context was given so far: a
 * one-pixel read back waits for them, on the main thread (`from`–`at`). A WebGL fence would not
 * hold the main thread, but Chromium updates its status only at frame boundaries: it read 15–20
 * ms late here. So a bench that counts the page's long tasks takes `from`–`at` out of them.
 */
export function drawnByGpu(canvas: HTMLCanvasElement): { from: number; at: number } {
	const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
	const from = performance.now();
	gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
	return { from, at: performance.now() };
}
