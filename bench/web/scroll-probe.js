// Runs in the page (read by web-desk.ts and passed to page.evaluate): scrolls the inbox from the top to the
// bottom at a constant 20,000 px/s (about 260 rows a second), counting frames and long tasks (> 50 ms of busy
// main thread: what a person feels as jank).
(async () => {
  const scroller = document.querySelector('[data-testid=inbox-scroller]');
  scroller.scrollTop = 0;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  observer.observe({ type: 'longtask', buffered: false });
  const speed = 20; // px per ms
  const total = scroller.scrollHeight - scroller.clientHeight;
  const frames = [];
  const start = performance.now();
  await new Promise((resolve) => {
    const step = (now) => {
      frames.push(now);
      scroller.scrollTop = Math.min(total, (now - start) * speed);
      if (scroller.scrollTop >= total || now - start > 60000) resolve();
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  observer.disconnect();
  const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const round = (x) => Math.round(x * 10) / 10;
  return {
    pixels: total, seconds: round(seconds), frames: frames.length, fps: Math.round(frames.length / seconds),
    frameGapP50Ms: round(gaps[Math.floor(gaps.length / 2)]), frameGapP99Ms: round(gaps[Math.floor(gaps.length * 0.99)]),
    frameGapMaxMs: round(gaps[gaps.length - 1]),
    longTasks: longTasks.length, longTaskMs: Math.round(longTasks.reduce((a, b) => a + b, 0)),
  };
})()
