# Paperboy (报童): the bot and its CLI in a slim image.
#   docker build -t paperboy .
#   docker run --rm -it -v paperboy-data:/data paperboy              # terminal channel, demo issue
#   docker run -d -e PAPERBOY_TELEGRAM_TOKEN=… -v paperboy-data:/data paperboy
# compose.yaml runs it with PostgreSQL. Keep the RUN steps in step with .ci/docker-steps.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PAPERBOY_DATA_DIR=/data \
    XDG_CACHE_HOME=/home/paperboy/.cache

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin paperboy \
    && mkdir -p /data && chown paperboy:paperboy /data

WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY digests ./digests
COPY config ./config
RUN pip install --no-cache-dir . && rm -rf /src

USER paperboy
WORKDIR /home/paperboy
# Build the segmenter's dictionary cache into the image (as the user who will read it), so
# the first reader's question does not pay for it.
RUN PAPERBOY_DATA_DIR=/tmp/paperboy-warmup paperboy warmup && rm -rf /tmp/paperboy-warmup

VOLUME ["/data"]
EXPOSE 8443
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["paperboy", "healthcheck"]
ENTRYPOINT ["paperboy"]
CMD ["serve"]
