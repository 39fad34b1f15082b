# Multi-stage build: a static-ish binary (rustls, no OpenSSL) on a distroless base,
# running as a non-root user.
#   docker build -t rekey .
#   docker run -p 8080:8080 -v /srv/rekey:/data -e REKEY_CONFIG=/data/rekey.toml rekey
FROM rust:1-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY .cargo .cargo
COPY src src
COPY templates templates
COPY static static
COPY migrations migrations
COPY locales locales
RUN cargo build --release --locked --bin rekey && strip target/release/rekey

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/rekey /usr/local/bin/rekey
ENV REKEY_SERVER__LISTEN=0.0.0.0:8080 \
    REKEY_DATABASE__DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/rekey"]
CMD ["serve"]
