'use client'

import { Camera, CameraOff, Flashlight, FlashlightOff, Loader2 } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Html5Qrcode } from 'html5-qrcode'
import { unlockAudio } from './feedback'

type State = 'idle' | 'starting' | 'running' | 'error'

/**
 * The back camera through html5-qrcode: started by a tap, stopped when the screen is left or hidden.
 * `paused` holds decoding while a card is open (the label may still be in view).
 */
export function CameraScanner({ onCode, paused }: { onCode: (text: string) => void; paused: boolean }) {
  const t = useTranslations('scan')
  const [state, setState] = useState<State>('idle')
  const [torch, setTorch] = useState<{ supported: boolean; on: boolean }>({ supported: false, on: false })
  const scanner = useRef<Html5Qrcode | null>(null)
  const handler = useRef(onCode)
  const pausedRef = useRef(paused)
  useEffect(() => {
    handler.current = onCode
    pausedRef.current = paused
  }, [onCode, paused])

  const stop = useCallback(async () => {
    const s = scanner.current
    scanner.current = null
    setTorch({ supported: false, on: false })
    setState('idle')
    if (s?.isScanning) await s.stop().catch(() => {})
    s?.clear()
  }, [])

  const start = useCallback(async () => {
    unlockAudio()
    setState('starting')
    try {
      const { Html5Qrcode, Html5QrcodeSupportedFormats } = await import('html5-qrcode')
      const s = new Html5Qrcode('scan-camera', { verbose: false, formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE], useBarCodeDetectorIfSupported: true })
      scanner.current = s
      await s.start(
        { facingMode: 'environment' },
        { fps: 10, qrbox: (w, h) => ({ width: Math.floor(Math.min(w, h) * 0.75), height: Math.floor(Math.min(w, h) * 0.75) }) },
        (text) => {
          if (!pausedRef.current) handler.current(text)
        },
        () => {},
      )
      // The light only where the camera track says it has one (torch capability).
      const light = s.getRunningTrackCameraCapabilities().torchFeature()
      setTorch({ supported: light.isSupported(), on: false })
      setState('running')
    } catch {
      await stop()
      setState('error')
    }
  }, [stop])

  const toggleTorch = async () => {
    const light = scanner.current?.getRunningTrackCameraCapabilities().torchFeature()
    if (!light) return
    await light.apply(!torch.on).catch(() => {})
    setTorch((x) => ({ ...x, on: !x.on }))
  }

  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') void stop()
    }
    document.addEventListener('visibilitychange', hidden)
    window.addEventListener('pagehide', hidden)
    return () => {
      document.removeEventListener('visibilitychange', hidden)
      window.removeEventListener('pagehide', hidden)
      void stop()
    }
  }, [stop])

  const running = state === 'running'
  return (
    <section aria-label={t('startCamera')} className="flex flex-col gap-3">
      <div className={`relative overflow-hidden rounded-xl bg-black ${running || state === 'starting' ? '' : 'hidden'}`}>
        <div id="scan-camera" data-testid="camera" className="w-full" />
        {running && torch.supported && (
          <button
            type="button"
            onClick={toggleTorch}
            aria-pressed={torch.on}
            className="absolute top-3 right-3 flex size-16 items-center justify-center rounded-full bg-white text-ink shadow-lg"
            aria-label={torch.on ? t('torchOff') : t('torchOn')}
          >
            {torch.on ? <FlashlightOff aria-hidden className="size-8" /> : <Flashlight aria-hidden className="size-8" />}
          </button>
        )}
      </div>
      {state === 'error' && (
        <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-bold text-red-800">
          {t('cameraError')}
        </p>
      )}
      {running || state === 'starting' ? (
        <button type="button" onClick={() => void stop()} className="btn btn-secondary min-h-14 text-lg" disabled={state === 'starting'}>
          {state === 'starting' ? <Loader2 aria-hidden className="size-6 animate-spin" /> : <CameraOff aria-hidden className="size-6" />}
          {state === 'starting' ? t('cameraStarting') : t('stopCamera')}
        </button>
      ) : (
        <button type="button" onClick={() => void start()} className="btn btn-accent min-h-20 text-xl">
          <Camera aria-hidden className="size-8" />
          {t('startCamera')}
        </button>
      )}
    </section>
  )
}
