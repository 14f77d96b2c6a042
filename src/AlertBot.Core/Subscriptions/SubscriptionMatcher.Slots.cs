namespace AlertBot.Core.Subscriptions;

/// <summary>Slot and posting-list bookkeeping; every method here runs under the write lock.</summary>
public sealed partial class SubscriptionMatcher
{
    private void RemoveLocked(long subscriptionId)
    {
        if (!_slotOf.Remove(subscriptionId, out var slot)) return;
        var program = _programs[slot]!;
        var index = IndexOf(_topics[slot]);
        index.Count--;
        if (QueryProgram.IsEmpty(program)) index.MatchAll.Remove(slot);
        else
        {
            for (var k = 0; k < QueryProgram.KeyCount(program); k++) index.For(QueryProgram.Key(program, k)).Remove(slot);
            if (HasPrefixNode(program)) index.WithPrefix--;
        }
        _programs[slot] = null;
        _freeSlots.Push(slot);
    }

    private static bool HasPrefixNode(int[] program)
    {
        for (var i = QueryProgram.Start(program); i < program.Length;)
        {
            var op = program[i];
            if (op == QueryProgram.Prefix) return true;
            // Leaves are skipped whole; composite nodes are entered (their children follow the header).
            i += op is QueryProgram.And or QueryProgram.Or or QueryProgram.Not ? 2 : program[i + 1];
        }
        return false;
    }

    private int NewSlot()
    {
        if (_freeSlots.TryPop(out var slot)) return slot;
        if (_slotCount == _programs.Length)
        {
            var size = _programs.Length * 2;
            Array.Resize(ref _programs, size);
            Array.Resize(ref _topics, size);
        }
        return _slotCount++;
    }

    private int TopicIdOf(string topicId)
    {
        if (!_topicIds.TryGetValue(topicId, out var id))
        {
            id = _topicIds.Count;
            _topicIds[topicId] = id;
            _byTopic.Add(new TermIndex(dense: false));
        }
        return id;
    }

    private TermIndex IndexOf(int topic) => topic == AllTopics ? _global : _byTopic[topic];
}
