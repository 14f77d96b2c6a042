# syntax=docker/dockerfile:1
# Build: docker build -t alertbot .
# Run:   docker run -it -v alertbot-data:/app/data -e ALERTBOT__TELEGRAM__TOKEN=... alertbot

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props BannedSymbols.txt AlertBot.sln ./
COPY src/AlertBot/AlertBot.csproj src/AlertBot/
COPY src/AlertBot.Core/AlertBot.Core.csproj src/AlertBot.Core/
COPY src/AlertBot.Telegram/AlertBot.Telegram.csproj src/AlertBot.Telegram/
COPY src/AlertBot.Discord/AlertBot.Discord.csproj src/AlertBot.Discord/
RUN dotnet restore src/AlertBot/AlertBot.csproj
COPY src/ src/
COPY config/ config/
RUN dotnet publish src/AlertBot/AlertBot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The database lives on a volume; tokens come only from the environment (never baked into the image).
RUN mkdir -p /app/data && chown -R app:app /app/data
VOLUME /app/data
ENV ALERTBOT__STORAGE__PATH=/app/data/alertbot.db \
    ALERTBOT__HTTP__LISTENURL=http://0.0.0.0:8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# /healthz, /readyz and /metrics (Prometheus). The runtime image has no curl: bash's /dev/tcp asks /healthz.
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
USER app
ENTRYPOINT ["dotnet", "alertbot.dll"]
