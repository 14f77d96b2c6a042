namespace AlertBot.Core.Subscriptions;

/// <summary>Slot and posting-list bookkeeping; every method here runs under the write lock.</summary>
public sealed partial class SubscriptionMatcher
{
    private void RemoveLocked(long subscriptionId)
    {
        if (!_slotOf.Remove(subscriptionId, out var slot)) return;
        var program = _programs[slot];
        if (program is null) _matchAll.Remove(slot);
        else
        {
            for (var k = 1; k <= program[0]; k++) PostingsFor(program[k]).Remove(slot);
            if (HasPrefixNode(program)) _subscriptionsWithPrefix--;
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
        if (_slotCount == _ids.Length)
        {
            var size = _ids.Length * 2;
            Array.Resize(ref _ids, size);
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
        }
        return id;
    }

    /// <summary>Posting list of an index key: a stem id (≥ 0) or the complement of a prefix id.</summary>
    private PostingList PostingsFor(int key)
    {
        if (key >= 0) return GetOrCreate(ref _stemPostings, key);
        return GetOrCreate(ref _prefixPostings, ~key);
    }

    private static PostingList GetOrCreate(ref PostingList?[] lists, int index)
    {
        if (index >= lists.Length) Array.Resize(ref lists, Math.Max(index + 1, lists.Length * 2));
        return lists[index] ??= new PostingList();
    }
}
