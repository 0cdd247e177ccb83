// Vitest global setup: starts what many test files share (the Docker engine, the IRIS
// stand-in image) once per run. Each part adds its own setup function here.
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
