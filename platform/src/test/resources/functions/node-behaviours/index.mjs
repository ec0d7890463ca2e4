// Handlers that end in other ways than success, for the platform's tests.
export const fail = async () => {
  throw new TypeError("node broke");
};

export const callback = (event, context, done) => {
  done(null, { viaCallback: true, name: event.name });
};
