# rtlopt in a container: the same steps as the README's setup command.
#   docker build -t rtlopt .
#   docker run --rm -v "$PWD:/work" -w /work rtlopt ppa designs/mac_const.v
FROM python:3.11-slim-bookworm
ENV DEBIAN_FRONTEND=noninteractive PIP_NO_CACHE_DIR=1 PYTHON=python3
WORKDIR /opt/rtlopt
COPY . /opt/rtlopt
RUN bash scripts/setup.sh && rm -rf /var/lib/apt/lists/*
WORKDIR /work
ENTRYPOINT ["rtlopt"]
CMD ["--help"]
