declare module 'async-exit-hook' {
  /** A hook taking a callback is awaited (up to a timeout) before the process exits. */
  function sortieAsynchrone(hook: (fini: () => void) => void): void;
  export default sortieAsynchrone;
}
