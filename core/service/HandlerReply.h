#pragma once

#include "core/service/HttpResponse.h"

#include <functional>
#include <stop_token>
#include <utility>

namespace fg {

// What a route's handler gives the server: the response itself, made on the
// server's thread (checks, refusals, anything quick), or work for one of the
// server's worker threads (HandlerReply::later). The work returns a function the
// server then runs back on its own thread to make the response: that is
// where the database is written (Qt's connections belong to the thread that
// opened them) and the server's state touched. The work itself must touch
// neither, and must copy what it needs from the request. It is given a stop
// token: stop is requested when its client leaves, when the request's deadline
// passes and when the server closes; long work checks it between its steps and
// returns early (what it returns then is dropped).
struct HandlerReply {
    using Finish = std::function<HttpResponse()>;
    using Work = std::function<Finish(const std::stop_token& stop)>;

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
