/**
 * Continue in a new task, as soon as the event loop gets to it. Unlike setTimeout(0), which browsers delay by at least
 * 4 ms once timers nest five deep (as they do in a page view's chain of steps), a message posted to oneself is not
 * delayed: a step that only wants to give the main thread back (to input, to the page's rendering) does not also wait.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
