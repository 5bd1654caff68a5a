# env: DJANGO_SECRET_KEY=z9x8c7v6b5n4m3q8w7e6r5t4y3u2i1o0p9a8s7d6f5g4h3j2k1l0
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
