using System;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// What each JSON token means where it stands: a page's items, count and nextLink; a $batch answer's
    /// id, status, headers and body. The byte pump beside it (GraphResponseStream.cs) feeds the tokens in.
    /// </summary>
    internal sealed partial class GraphResponseStream
    {
        private enum Frame : byte
        {
            Page,
            BatchRoot,
            Responses,
            Response,
            Body,
            Value,
            Skip,
        }

        private enum Name : byte
        {
            None,
            Value,
            NextLink,
            Count,
            Responses,
            Id,
            Status,
            Headers,
            Body,
            Error,
            Other,
        }

        /// <summary>Handles one token; false when it starts a value needed whole that has not fully arrived.</summary>
        private bool Token(ref Utf8JsonReader reader)
        {
            if (!_started)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new JsonException("The response is not a JSON object.");
                }

                _started = true;
                _frames.Add(_onPageItem != null ? Frame.Page : Frame.BatchRoot);
                return true;
            }

            var frame = _frames[_frames.Count - 1];
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    _name = frame == Frame.Skip || frame == Frame.Value ? Name.Other : NameOf(ref reader);
                    return true;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    _frames.RemoveAt(_frames.Count - 1);
                    if (frame == Frame.Response)
                    {
                        _batch!.Answered(_step!);
                        _step = null;
                    }
                    else if (frame == Frame.Body)
                    {
                        _step!.Page = _page;
                        _sink = null;
                    }

                    _name = Name.None;
                    return true;
            }

            var name = _name;
            _name = Name.None;
            if (frame == Frame.Value)
            {
                return Whole(ref reader, _sink!);
            }

            if (frame == Frame.Responses && reader.TokenType == JsonTokenType.StartObject)
            {
                if (_onResponse != null)
                {
                    return Whole(ref reader, _onResponse);
                }

                _step = new StreamedStep();
                _frames.Add(Frame.Response);
                return true;
            }

            if (frame == Frame.Response)
            {
                return ResponseMember(ref reader, name);
            }

            if ((frame == Frame.Page || frame == Frame.Body) && PageMember(ref reader, name, out var handled))
            {
                return handled;
            }

            if (frame == Frame.BatchRoot && name == Name.Responses && reader.TokenType == JsonTokenType.StartArray)
            {
                _frames.Add(Frame.Responses);
                return true;
            }

            if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
            {
                _frames.Add(Frame.Skip);
            }

            return true;
        }

        private bool ResponseMember(ref Utf8JsonReader reader, Name name)
        {
            var step = _step!;
            switch (name)
            {
                case Name.Id when reader.TokenType == JsonTokenType.String || reader.TokenType == JsonTokenType.Number:
                    step.Id = reader.TokenType == JsonTokenType.String
                        ? reader.GetString()
                        : System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                    return true;
                case Name.Status when reader.TokenType == JsonTokenType.Number:
                    step.Status = reader.TryGetInt32(out var status) ? status : 0;
                    return true;
                case Name.Headers when reader.TokenType == JsonTokenType.StartObject:
                    return Whole(ref reader, headers => step.RetryAfter = BatchExecutor.RetryAfterHeader(headers));
                case Name.Body when reader.TokenType == JsonTokenType.StartObject:
                    var failed = step.Status != 0 && (step.Status < 200 || step.Status >= 300);
                    var sink = step.Id != null && !failed ? _batch!.ItemsOf(step.Id) : null;
                    if (sink is null)
                    {
                        return Whole(ref reader, body => step.Body = body.Clone());
                    }

                    _sink = sink;
                    _page = new StreamedPage();
                    _frames.Add(Frame.Body);
                    return true;
                default:
                    if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
                    {
                        _frames.Add(Frame.Skip);
                    }

                    return true;
            }
        }

        /// <summary>The members of a page (or of a streamed body): its items, count, next link and error.</summary>
        private bool PageMember(ref Utf8JsonReader reader, Name name, out bool handled)
        {
            handled = true;
            switch (name)
            {
                case Name.Value when reader.TokenType == JsonTokenType.StartArray:
                    _page.HasValue = true;
                    _sink ??= _onPageItem;
                    _frames.Add(Frame.Value);
                    return true;
                case Name.NextLink when reader.TokenType == JsonTokenType.String:
                    _page.NextLink = reader.GetString();
                    return true;
                case Name.Count when reader.TokenType == JsonTokenType.Number:
                    _page.Count = reader.TryGetInt64(out var count) ? count : (long?)null;
                    return true;
                case Name.Error when reader.TokenType == JsonTokenType.StartObject && _step != null:
                    var step = _step;
                    handled = Whole(ref reader, error => step.Error = error.Clone());
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Hands the value at the reader to <paramref name="use"/> once all of it is in the buffer; false if it is not yet.
        /// </summary>
        private static bool Whole(ref Utf8JsonReader reader, Action<JsonElement> use)
        {
            if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
            {
                var probe = reader;
                if (!probe.TrySkip())
                {
                    return false;
                }
            }

            using var value = JsonDocument.ParseValue(ref reader);
            use(value.RootElement);
            return true;
        }

        private static Name NameOf(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("value")) return Name.Value;
            if (reader.ValueTextEquals("@odata.nextLink")) return Name.NextLink;
            if (reader.ValueTextEquals("@odata.count")) return Name.Count;
            if (reader.ValueTextEquals("responses")) return Name.Responses;
            if (reader.ValueTextEquals("id")) return Name.Id;
            if (reader.ValueTextEquals("status")) return Name.Status;
            if (reader.ValueTextEquals("headers")) return Name.Headers;
            if (reader.ValueTextEquals("body")) return Name.Body;
            if (reader.ValueTextEquals("error")) return Name.Error;
            return Name.Other;
        }
    }
}
