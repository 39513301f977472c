{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('rudder', 'checkout_v3_started') }}
    where received_at < '2030-01-01'
),

renamed as (
    select
        cast(id as string) as event_id,
        cast(event_text as string) as event_name,
        cast(event as string) as event_table,
        cast(original_timestamp as timestamp) as original_tstamp,
        cast(sent_at as timestamp) as sent_at_tstamp,
        cast(received_at as timestamp) as received_at_tstamp,
        cast(timestamp as timestamp) as tstamp,
        cast(anonymous_id as string) as anonymous_id,
        cast(user_id as string) as user_id,
        cast(channel as string) as channel,
        cast(context_library_name as string) as library_name,
        cast(context_library_version as string) as library_version,
        cast(uuid_ts as timestamp) as uuid_ts,
        cast(cart_value as float64) as cart_value,
        cast(address_zip_code as string) as address_zip_code,
        cast('track' as string) as call_type,
        cast('rudder' as string) as source_schema,
        cast('checkout_v3_started' as string) as source_table,
        cast('shop/Checkout_v3_Started/1-0.json' as string) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as string) as schema_metadata
    from source
)

select * from renamed
