/**
 * Launches Debian's Chromium through playwright-core with the flags this offline machine needs
 * (GUIDE §6), optionally with a fake camera streaming a Y4M file.
 */
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's chromium package installs the browser (Playwright cannot download one here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch options: `fakeVideo` is a .y4m file the page's getUserMedia will stream (looped). */
export interface LaunchOptions {
  fakeVideo?: string;
  headless?: boolean;
  args?: string[];
}

/** Flags that keep Chromium quiet and self-contained on a machine without internet. */
export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Flags that replace the camera with a Y4M file and grant camera permission without a prompt. */
export function fakeCameraArgs(file: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`,
  ];
}

/** Starts headless Chromium (or headed with `headless: false`); close the returned Browser when done. */
export function launchChromium(opts: LaunchOptions = {}): Promise<Browser> {
  const args = [...BASE_ARGS, ...(opts.fakeVideo ? fakeCameraArgs(opts.fakeVideo) : []), ...(opts.args ?? [])];
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: opts.headless ?? true, args });
}
