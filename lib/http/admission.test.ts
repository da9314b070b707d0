import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AdmissionRefused, createAdmissionGate, isAdmissionRefused } from "./admission";

/** A piece of work that ends when the test says so. */
function pending() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve("done");
    fail = reject;
  });
  return { work: () => done, finish, fail };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createAdmissionGate", () => {
  it("runs up to maxInFlight at once, then hands each freed turn to the first waiter", async () => {
    const gate = createAdmissionGate({ maxInFlight: 2, maxWaiting: 5, maxWaitMs: 1000 });
    const jobs = [pending(), pending(), pending(), pending()];
    const started: number[] = [];
    const results = jobs.map((job, i) =>
      gate.admit(() => {
        started.push(i);
        return job.work();
      }),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    expect(gate.load()).toEqual({ inFlight: 2, waiting: 2, refused: 0 });

    jobs[1]!.finish();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    expect(gate.load()).toEqual({ inFlight: 2, waiting: 1, refused: 0 });

    jobs[0]!.finish();
    jobs[2]!.finish();
    jobs[3]!.finish();
    expect(await Promise.all(results)).toEqual(["done", "done", "done", "done"]);
    expect(gate.load()).toEqual({ inFlight: 0, waiting: 0, refused: 0 });
  });

  it("refuses at once, without running the work, when the waiting line is full", async () => {
    const gate = createAdmissionGate({ maxInFlight: 1, maxWaiting: 1, maxWaitMs: 1000 });
    const first = pending();
    const running = gate.admit(first.work);
    const waiting = gate.admit(async () => "second");
    const work = vi.fn(async () => "third");
    await expect(gate.admit(work)).rejects.toEqual(new AdmissionRefused("full"));
    expect(work).not.toHaveBeenCalled();
    first.finish();
    expect([await running, await waiting]).toEqual(["done", "second"]);
    expect(gate.load().refused).toBe(1);
  });

  it("refuses a waiter after maxWaitMs and keeps the line in order without it", async () => {
    const gate = createAdmissionGate({ maxInFlight: 1, maxWaiting: 5, maxWaitMs: 1000 });
    const first = pending();
    const running = gate.admit(first.work);
    const early = gate.admit(async () => "early");
    vi.advanceTimersByTime(600);
    const late = gate.admit(async () => "late");
    vi.advanceTimersByTime(400);
    await expect(early).rejects.toEqual(new AdmissionRefused("timeout"));
    expect(gate.load()).toEqual({ inFlight: 1, waiting: 1, refused: 1 });
    first.finish();
    expect([await running, await late]).toEqual(["done", "late"]);
    expect(gate.load()).toEqual({ inFlight: 0, waiting: 0, refused: 1 });
  });

  it("frees the turn when the work fails", async () => {
    const gate = createAdmissionGate({ maxInFlight: 1, maxWaiting: 1, maxWaitMs: 1000 });
    const failing = pending();
    const first = gate.admit(failing.work);
    const second = gate.admit(async () => "after");
    failing.fail(new Error("boom"));
    await expect(first).rejects.toThrow("boom");
    expect(await second).toBe("after");
    expect(gate.load()).toEqual({ inFlight: 0, waiting: 0, refused: 0 });
  });

  it("recognises a refusal made by another copy of the module (another route's bundle)", () => {
    class OtherCopy extends Error {
      override readonly name = "AdmissionRefused";
    }
    expect(isAdmissionRefused(new OtherCopy())).toBe(true);
    expect(isAdmissionRefused(new AdmissionRefused("full"))).toBe(true);
    expect(isAdmissionRefused(new Error("P2028"))).toBe(false);
  });
});
