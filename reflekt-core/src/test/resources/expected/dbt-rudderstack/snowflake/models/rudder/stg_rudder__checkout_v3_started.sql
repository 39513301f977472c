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
        cast(id as varchar) as event_id,
        cast(event_text as varchar) as event_name,
        cast(event as varchar) as event_table,
        cast(original_timestamp as timestamp_ntz) as original_tstamp,
        cast(sent_at as timestamp_ntz) as sent_at_tstamp,
        cast(received_at as timestamp_ntz) as received_at_tstamp,
        cast(timestamp as timestamp_ntz) as tstamp,
        cast(anonymous_id as varchar) as anonymous_id,
        cast(user_id as varchar) as user_id,
        cast(channel as varchar) as channel,
        cast(context_library_name as varchar) as library_name,
        cast(context_library_version as varchar) as library_version,
        cast(uuid_ts as timestamp_ntz) as uuid_ts,
        cast(cart_value as float) as cart_value,
        cast(address_zip_code as varchar) as address_zip_code,
        cast('track' as varchar) as call_type,
        cast('rudder' as varchar) as source_schema,
        cast('checkout_v3_started' as varchar) as source_table,
        cast('shop/Checkout_v3_Started/1-0.json' as varchar) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as varchar) as schema_metadata
    from source
)

select * from renamed
