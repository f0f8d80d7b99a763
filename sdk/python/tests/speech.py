"""Spoken test audio made here with Festival's text2wave (installed by .ci/run beside pocketsphinx)."""

import os
import shutil
import subprocess
import tempfile


def spoken_pcm16(text: str) -> bytes:
    """16 kHz mono 16-bit PCM of ``text`` in the slt voice (the WAV header stripped)."""
    if shutil.which("text2wave") is None:
        raise RuntimeError("text2wave (Festival) is not installed: .ci/run installs it")
    folder = tempfile.mkdtemp(prefix="parley-speech-")
    try:
        source = os.path.join(folder, "text.txt")
        target = os.path.join(folder, "speech.wav")
        with open(source, "w") as out:
            out.write(text)
        subprocess.run(
            ["text2wave", "-eval", "(voice_cmu_us_slt_arctic_hts)", "-F", "16000", "-o", target, source],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )
        with open(target, "rb") as wav:
            return wav.read()[44:]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
