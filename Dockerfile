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
    DOTNET_CLI_TELEMETRY_OPTOUT=1
USER app
ENTRYPOINT ["dotnet", "alertbot.dll"]
