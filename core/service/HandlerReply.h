#pragma once

#include "core/service/HttpResponse.h"

#include <functional>
#include <utility>

namespace fg {

// What a route's handler gives the server: the response itself, made on the
// server's thread (checks, refusals, anything quick), or work for one of the
// server's worker threads (HandlerReply::later). The work returns a function the
// server then runs back on its own thread to make the response: that is
// where the database is written (Qt's connections belong to the thread that
// opened them) and the server's state touched. The work itself must touch
// neither, and must copy what it needs from the request.
struct HandlerReply {
    using Finish = std::function<HttpResponse()>;
    using Work = std::function<Finish()>;

    // Implicit: a handler that answers at once returns its response as is.
    HandlerReply(HttpResponse now)
        : response(std::move(now))
    {
    }

    static HandlerReply later(Work work)
    {
        HandlerReply reply{HttpResponse()};
        reply.work = std::move(work);
        return reply;
    }

    // A finished work whose answer is already known (a refusal found on the worker).
    static Finish answer(HttpResponse response)
    {
        return [response = std::move(response)] { return response; };
    }

    bool isLater() const { return bool(work); }

    HttpResponse response;
    Work work;
};

} // namespace fg
