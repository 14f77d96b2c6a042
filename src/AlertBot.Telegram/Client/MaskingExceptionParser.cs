using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace AlertBot.Telegram.Client;

/// <summary>Builds the library's <see cref="ApiRequestException"/> with the token masked out of the description.</summary>
internal sealed class MaskingExceptionParser(TokenMasker masker) : IExceptionParser
{
    public ApiRequestException Parse(ApiResponse apiResponse) =>
        new(masker.Apply(apiResponse.Description ?? "(no description)"), apiResponse.ErrorCode, apiResponse.Parameters);
}
