/**
 * Boots a second Strapi in a child process on the same database as the test's (see
 * second-instance-child.js) and runs a job function of the compiled app there.
 */
import { ChildProcess, fork } from 'child_process';
import path from 'path';

export interface SecondInstance {
  /** Calls `require(dist/<module>)[fn](strapi, at)` in the other process. */
  run<T>(module: string, fn: string, at: Date): Promise<T>;
  stop(): Promise<void>;
}

const next = (child: ChildProcess): Promise<{ ready?: true; result?: unknown; error?: string }> =>
  new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`second instance exited with ${code}`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as never);
    });
  });

export const startSecondInstance = async (): Promise<SecondInstance> => {
  const child = fork(path.join(__dirname, 'second-instance-child.js'), [], { env: { ...process.env }, execArgv: [], stdio: 'inherit' });
  const hello = await next(child);
  if (!hello.ready) throw new Error(`second instance did not start: ${hello.error}`);
  return {
    async run<T>(module: string, fn: string, at: Date) {
      const answer = next(child);
      child.send({ run: { module, fn, at: at.getTime() } });
      const { result, error } = await answer;
      if (error) throw new Error(error);
      return result as T;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ stop: true });
      await exited;
    },
  };
};
