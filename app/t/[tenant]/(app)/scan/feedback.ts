// Success and error signals a worker notices with gloves on and the phone in a pocket: tones made in code
// (nothing to download) and a vibration where the phone has one.
let audio: AudioContext | null = null

/** Called from a tap (browsers only allow sound after one). */
export function unlockAudio() {
  if (typeof window === 'undefined' || !('AudioContext' in window)) return
  audio ??= new AudioContext()
  void audio.resume()
}

function play(notes: number[], seconds: number, type: OscillatorType, volume: number) {
  if (!audio || audio.state !== 'running') return
  let at = audio.currentTime
  for (const frequency of notes) {
    const osc = audio.createOscillator()
    const gain = audio.createGain()
    osc.type = type
    osc.frequency.value = frequency
    gain.gain.setValueAtTime(volume, at)
    gain.gain.exponentialRampToValueAtTime(0.001, at + seconds)
    osc.connect(gain).connect(audio.destination)
    osc.start(at)
    osc.stop(at + seconds)
    at += seconds * 1.1
  }
}

const vibrate = (pattern: number | number[]) => {
  if (typeof navigator !== 'undefined' && 'vibrate' in navigator) navigator.vibrate(pattern)
}

/** Two short rising beeps and one short buzz. */
export function signalSuccess() {
  play([1047, 1568], 0.09, 'sine', 0.4)
  vibrate(60)
}

/** A low double buzz and a long-short-long vibration. */
export function signalError() {
  play([233, 185], 0.22, 'square', 0.25)
  vibrate([200, 80, 200])
}
