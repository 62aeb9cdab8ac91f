/** Resolves or rejects as `promise` does, or rejects with `message` after `ms`. */
export function withTimeout(promise, ms, message) {
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
