/** Sound and vibration a guard can trust outdoors: a bright double beep for success, a low buzz for errors. */

let audio: AudioContext | null = null;

function tone(ctx: AudioContext, frequency: number, startAt: number, durationS: number, type: OscillatorType): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, startAt);
  gain.gain.exponentialRampToValueAtTime(0.4, startAt + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, startAt + durationS);
  osc.connect(gain).connect(ctx.destination);
  osc.start(startAt);
  osc.stop(startAt + durationS + 0.02);
}

function context(): AudioContext | null {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    return audio;
  } catch {
    return null;
  }
}

/** Plays the success sound and a short vibration. */
export function signalSuccess(): void {
  const ctx = context();
  if (ctx) {
    tone(ctx, 1320, ctx.currentTime, 0.09, 'sine');
    tone(ctx, 1760, ctx.currentTime + 0.11, 0.12, 'sine');
  }
  navigator.vibrate?.(80);
}

/** Plays the risk alert (three short high-low tones, three pulses): saved, but the guard must act. */
export function signalRisk(): void {
  const ctx = context();
  if (ctx) for (let i = 0; i < 3; i++) tone(ctx, i % 2 ? 660 : 990, ctx.currentTime + i * 0.16, 0.12, 'triangle');
  navigator.vibrate?.([120, 80, 120, 80, 120]);
}

/** Plays the error sound and a long double vibration. */
export function signalError(): void {
  const ctx = context();
  if (ctx) tone(ctx, 220, ctx.currentTime, 0.45, 'square');
  navigator.vibrate?.([200, 100, 200]);
}
