export const handler = async (event, context) => {
  const name = (event && event.name) || "world";
  console.log("hello from node");
  return { message: `Hello, ${name}!`, requestId: context.awsRequestId };
};
